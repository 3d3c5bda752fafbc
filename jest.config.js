module.exports = {
  projects: ['<rootDir>/libs/domain', '<rootDir>/apps/api'],
};
