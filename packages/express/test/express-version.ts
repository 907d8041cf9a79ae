import expressPackage from 'express/package.json' with { type: 'json' };

/** The Express the suite runs on, e.g. `Express 5` (the Express 4 project aliases `express`). */
export const EXPRESS_NAME = `Express ${expressPackage.version.split('.')[0]}`;
