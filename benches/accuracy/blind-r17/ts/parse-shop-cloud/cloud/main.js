// Parse Server loads this file once at boot; the handlers it registers run per call / per save.
require('./orders');
require('./search');
