// Reply-template placeholders, shared by the API (validation) and the web app (filling in).
// No Zod here: the web app imports this at run time and keeps its bundle small.
/** The placeholders a reply template may use, with what each one becomes. */
export const TEMPLATE_PLACEHOLDERS = {
  firstName: 'the customer’s first name',
  reference: 'the case reference',
  promisedTime: 'the due time of the next open promise',
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

export const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * Fills a template's placeholders. A value that is not known is left as the placeholder so the
 * agent sees what still needs writing, instead of a blank.
 */
export function fillTemplate(
  body: string,
  values: Partial<Record<TemplatePlaceholder, string | null | undefined>>,
): string {
  return body.replace(PLACEHOLDER, (whole, key: string) => {
    const value = (values as Record<string, string | null | undefined>)[key];
    return value ? value : whole;
  });
}
