/** A schema as a readable tree: name, type, "Pflicht", enum values, limits, description, members. */
import { useT } from '../i18n/use-t.js';
import '../i18n/api-docs.texts.js';
import { limits, refName, resolveRef, typeLabel, type OpenApiDocument, type Schema } from './openapi-model.js';

const MAX_DEPTH = 8;

interface NodeProps {
  doc: OpenApiDocument;
  schema: Schema;
  /** `$ref`s already open above this node (cycle guard). */
  seen: readonly string[];
  depth: number;
}

/** The members of a schema (object properties, array items, variants), following `$ref`s. */
export function SchemaTree({ doc, schema }: { doc: OpenApiDocument; schema: Schema }) {
  return (
    <div className="schema-tree">
      <SchemaRow doc={doc} schema={schema} seen={[]} depth={0} />
    </div>
  );
}

/** One schema without a name: its type line and its members. */
function SchemaRow({ doc, schema, seen, depth }: NodeProps) {
  return (
    <>
      <p className="schema-tree__root">
        <code className="schema-type">{typeLabel(schema)}</code>
        <Facts schema={schema.$ref ? (resolveRef<Schema>(doc, schema.$ref) ?? {}) : schema} />
      </p>
      <Members doc={doc} schema={schema} seen={seen} depth={depth} />
    </>
  );
}

/** Facts of a schema on its row: nullable, enum, default, limits, description. */
function Facts({ schema, required = false }: { schema: Schema; required?: boolean }) {
  const t = useT();
  const values = schema.enum ?? (schema.items?.enum as unknown[] | undefined);
  const facts = limits(schema);
  return (
    <>
      {required && <span className="schema-badge schema-badge--required">{t('apiDocs.required')}</span>}
      {schema.nullable && <span className="schema-badge">{t('apiDocs.nullable')}</span>}
      {values && (
        <span className="schema-enum">
          {t('apiDocs.values')}:{' '}
          {values.map((v) => (
            <code key={String(v)}>{String(v)}</code>
          ))}
        </span>
      )}
      {schema.default !== undefined && (
        <span className="schema-fact">
          {t('apiDocs.default')}: <code>{JSON.stringify(schema.default)}</code>
        </span>
      )}
      {facts.map((f) => (
        <span key={f} className="schema-fact">
          <code>{f}</code>
        </span>
      ))}
      {schema.description && <span className="schema-description">{schema.description}</span>}
    </>
  );
}

/** The nested members of `schema` (after resolving a `$ref`), as a list. */
function Members({ doc, schema, seen, depth }: NodeProps) {
  const t = useT();
  if (depth > MAX_DEPTH) return null;
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) {
      return <p className="schema-tree__note">{t('apiDocs.seeAbove', { name: refName(schema.$ref) })}</p>;
    }
    const target = resolveRef<Schema>(doc, schema.$ref);
    if (!target) return null;
    return <Members doc={doc} schema={target} seen={[...seen, schema.$ref]} depth={depth} />;
  }
  if (schema.allOf) {
    return (
      <>
        {schema.allOf.map((s, i) => (
          <Members key={i} doc={doc} schema={s} seen={seen} depth={depth} />
        ))}
      </>
    );
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    return (
      <div className="schema-variants">
        <p className="schema-tree__note">{t('apiDocs.oneOf')}</p>
        <ol>
          {variants.map((v, i) => (
            <li key={i}>
              <code className="schema-type">{typeLabel(v)}</code>
              <Facts schema={v.$ref ? {} : v} />
              <Members doc={doc} schema={v} seen={seen} depth={depth + 1} />
            </li>
          ))}
        </ol>
      </div>
    );
  }
  if (schema.type === 'array' && schema.items) {
    return <Members doc={doc} schema={schema.items} seen={seen} depth={depth} />;
  }
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (properties.length === 0 && typeof extra !== 'object') return null;
  const required = new Set(schema.required ?? []);
  return (
    <ul className="schema-members">
      {properties.map(([name, member]) => (
        <li key={name}>
          <div className="schema-member">
            <code className="schema-name">{name}</code>
            <code className="schema-type">{typeLabel(member)}</code>
            <Facts schema={member} required={required.has(name)} />
          </div>
          <Members doc={doc} schema={member} seen={seen} depth={depth + 1} />
        </li>
      ))}
      {typeof extra === 'object' && (
        <li>
          <div className="schema-member">
            <code className="schema-name">{'{…}'}</code>
            <code className="schema-type">{typeLabel(extra)}</code>
          </div>
          <Members doc={doc} schema={extra} seen={seen} depth={depth + 1} />
        </li>
      )}
      {properties.length > 0 && (
        <li className="schema-tree__note">{extra === false ? t('apiDocs.closedObject') : t('apiDocs.openObject')}</li>
      )}
    </ul>
  );
}
