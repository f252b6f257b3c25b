// Stylesheets have no behaviour to test; importing one yields an empty module.
module.exports = {};
