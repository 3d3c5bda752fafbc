module.exports = {
  projects: ['<rootDir>/libs/domain', '<rootDir>/apps/api', '<rootDir>/apps/agent'],
};
