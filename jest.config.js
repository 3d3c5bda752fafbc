module.exports = {
  projects: ['<rootDir>/libs/domain', '<rootDir>/apps/dashboard', '<rootDir>/apps/api'],
  // Global in Jest 30 (a project's own testTimeout is ignored in multi-project runs).
  testTimeout: 120000,
};
