import disclosureItem from '../../items/information-disclosure/item.json' with { type: 'json' };
import disclosureForm from '../../items/information-disclosure/form.json' with { type: 'json' };
import disclosureUi from '../../items/information-disclosure/ui.json' with { type: 'json' };
import disclosureFlow from '../../items/information-disclosure/flow.json' with { type: 'json' };
import businessItem from '../../items/individual-business-registration/item.json' with { type: 'json' };
import businessForm from '../../items/individual-business-registration/form.json' with { type: 'json' };
import businessUi from '../../items/individual-business-registration/ui.json' with { type: 'json' };
import businessFlow from '../../items/individual-business-registration/flow.json' with { type: 'json' };
import constructionItem from '../../items/construction-permit-parallel/item.json' with { type: 'json' };
import constructionForm from '../../items/construction-permit-parallel/form.json' with { type: 'json' };
import constructionUi from '../../items/construction-permit-parallel/ui.json' with { type: 'json' };
import constructionFlow from '../../items/construction-permit-parallel/flow.json' with { type: 'json' };
import seniorItem from '../../items/senior-card/item.json' with { type: 'json' };
import seniorForm from '../../items/senior-card/form.json' with { type: 'json' };
import seniorUi from '../../items/senior-card/ui.json' with { type: 'json' };
import seniorFlow from '../../items/senior-card/flow.json' with { type: 'json' };
import type { FlowDefinition } from '../generated/flow.generated.js';
import type { FormDefinition } from '../generated/form-definition.generated.js';
import type { ServiceItem } from '../generated/service-item.generated.js';

export { loadReference } from './load-reference.js';

/** One built-in service item: its folder slug (= item id), guide, form ({schema, rules}), uiSchema and flow. */
export interface BuiltInItem {
  slug: string;
  item: ServiceItem;
  form: FormDefinition;
  ui: Record<string, unknown>;
  flow: FlowDefinition;
}

const builtIns = [
  { slug: 'information-disclosure', item: disclosureItem, form: disclosureForm, ui: disclosureUi, flow: disclosureFlow },
  { slug: 'individual-business-registration', item: businessItem, form: businessForm, ui: businessUi, flow: businessFlow },
  { slug: 'construction-permit-parallel', item: constructionItem, form: constructionForm, ui: constructionUi, flow: constructionFlow },
  { slug: 'senior-card', item: seniorItem, form: seniorForm, ui: seniorUi, flow: seniorFlow },
];

/**
 * Loads the built-in service items of schemas/items/ (JSON imports, so it also works bundled).
 * Returns a fresh copy each call. The definitions are validated by schemas/tests, not here.
 */
export function loadBuiltInItems(): BuiltInItem[] {
  return structuredClone(builtIns) as unknown as BuiltInItem[];
}
