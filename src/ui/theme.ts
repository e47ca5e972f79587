// Colours, or none: NO_COLOR turns every colour off (https://no-color.org).
import { createContext, useContext } from 'react';

export interface Theme {
  accent?: string;
  good?: string;
  warn?: string;
  bad?: string;
  muted?: string;
}

export const COLOURS: Theme = { accent: 'cyan', good: 'green', warn: 'yellow', bad: 'red', muted: 'gray' };
export const NO_COLOURS: Theme = {};

export const ThemeContext = createContext<Theme>(COLOURS);
export const useTheme = () => useContext(ThemeContext);
