import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A granary green; shade 8 on white passes WCAG AA for text, shade 7 for filled buttons with white text.
const lumbung: MantineColorsTuple = ['#ecf8ee', '#dcecdf', '#b6d8bd', '#8dc399', '#6bb17a', '#56a667', '#4aa15d', '#3a8c4c', '#2f6b3a', '#1f5a2d'];

export const theme = createTheme({
  primaryColor: 'lumbung',
  primaryShade: 8,
  colors: { lumbung },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

// Mantine's dimmed text (gray 6, 3.3:1 on white) fails WCAG AA contrast; gray 7 passes (8:1).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
