import 'react-native-url-polyfill/auto';
import { Application } from '@nativescript/core';

Application.run({ moduleName: 'app-root' });
