export const PLATFORM_NAME = 'Greenhouse';
export const PLUGIN_NAME = 'homebridge-greenhouse';
