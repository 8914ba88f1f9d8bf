// The runtime's @aws-sdk/client-dynamodb, loaded with require (see ../bundling.ts). The name is built at run
// time so that the bundler leaves this require to Node.
module.exports = require(['@aws-sdk', 'client-dynamodb'].join('/'));
