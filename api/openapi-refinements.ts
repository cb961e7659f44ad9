// Rules the routes' zod schemas enforce with refinements, which the generator cannot turn into JSON Schema:
// stated here in JSON Schema on the generated components, so that the document allows exactly what the API
// accepts (a client validating with it, or a fuzzer generating from it, meets no surprise 400). Each entry
// names the refinement it mirrors; test/integration/api-schemathesis.test.ts fails when one drifts.

type Schema = Record<string, any>;

/** A string that is not only whitespace (the API trims before it checks the length). */
const NOT_BLANK = '\\S';

export function documentRefinements<D extends { components?: { schemas?: Record<string, unknown> } }>(doc: D): D {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const need = (name: string): Schema => {
    const schema = schemas[name];
    if (!schema) throw new Error(`openapi-refinements: no component ${name}`);
    return schema;
  };

  // decisionRequest: "an edit needs a subject or a body".
  const edit = (need('DecisionRequest').oneOf as Schema[]).find((v) => v.properties?.action?.enum?.[0] === 'edit');
  if (!edit) throw new Error('openapi-refinements: DecisionRequest has no edit variant');
  edit.anyOf = [{ required: ['subject'] }, { required: ['body'] }];

  // inboundReplyRequest: "a reply needs text or raw" (text that is not only whitespace).
  need('InboundReply').anyOf = [{ required: ['raw'] }, { required: ['text'], properties: { text: { pattern: NOT_BLANK } } }];

  // deliveryEvent: bounceType is required for a bounce, and only for a bounce.
  need('DeliveryEvent').anyOf = [
    { properties: { type: { const: 'bounce' } }, required: ['bounceType'] },
    { properties: { type: { const: 'complaint' } }, not: { required: ['bounceType'] } },
  ];
  return doc;
}
