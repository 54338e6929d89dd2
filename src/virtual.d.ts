// Modules the Astro integration (src/integration/) writes for each build.
declare module 'virtual:throughline/settings' {
  const settings: import('./core/site-settings.ts').SiteSettings;
  export default settings;
}

/** The team's `customCss`, imported after Throughline's own styles. */
declare module 'virtual:throughline/user-css' {}
