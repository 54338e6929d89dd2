/** What the write page hands its script, as JSON in the form's `data-config`. */
export interface WriteConfig {
  /** site.yaml's `sections`. */
  sections: readonly string[];
  /** The build's own data exports, audience-filtered: where the form's choices come from. */
  data: { people: string; cycles: string; goals: string; items: string };
  /** The repository, when it is on GitHub: "Propose on GitHub" needs GitHub's new-file page. */
  propose: { repo: string; branch: string } | undefined;
  /** GitHub's new-file page for the open cycle's folder, for the page without JavaScript. */
  newItem: string | undefined;
}
