/** One endpoint: a header row that expands (click, Enter, Space) to parameters, body and responses. */
import type { MessageKey } from '../i18n/de.js';
import { useT } from '../i18n/use-t.js';
import '../i18n/api-docs.texts.js';
import {
  accessOf,
  deref,
  typeLabel,
  type OpenApiDocument,
  type OperationEntry,
  type Parameter,
  type Response,
} from './openapi-model.js';
import { operationHash } from './route.js';
import { SchemaTree } from './schema-tree.js';

interface Props {
  doc: OpenApiDocument;
  entry: OperationEntry;
  open: boolean;
  onToggle: (operationId: string) => void;
}

/** The operation's row and, when open, its details. */
export function OperationView({ doc, entry, open, onToggle }: Props) {
  const t = useT();
  const { method, path, operation } = entry;
  const id = operation.operationId;
  const access = accessOf(operation);
  return (
    <li className={`api-op api-op--${method}${open ? ' api-op--open' : ''}`} id={`op-${id}`}>
      <h4 className="api-op__heading">
        <button
          type="button"
          className="api-op__toggle"
          aria-expanded={open}
          aria-controls={`op-${id}-details`}
          onClick={() => onToggle(id)}
          data-operation={id}
        >
          <span className={`api-method api-method--${method}`}>{method.toUpperCase()}</span>
          <code className="api-op__path">{path}</code>
          <span className="api-op__summary">{operation.summary}</span>
          {access !== 'public' && (
            <span className="api-op__lock" title={t(`apiDocs.access.${access}`)}>
              {t(`apiDocs.badge.${access}`)}
            </span>
          )}
        </button>
      </h4>
      {open && (
        <div className="api-op__details" id={`op-${id}-details`}>
          <p className="api-op__meta">
            <span>{t(`apiDocs.access.${access}`)}</span> · <code>{id}</code> ·{' '}
            <a href={operationHash(id)}>{t('apiDocs.permalink')}</a>
          </p>
          {operation.description && <p className="api-op__description">{operation.description}</p>}
          <Parameters doc={doc} parameters={(operation.parameters ?? []).map((p) => deref(doc, p))} />
          {operation.requestBody && (
            <section>
              <h5>
                {t('apiDocs.requestBody')}
                {operation.requestBody.required && (
                  <span className="schema-badge schema-badge--required">{t('apiDocs.required')}</span>
                )}
              </h5>
              {operation.requestBody.description && <p>{operation.requestBody.description}</p>}
              {Object.entries(operation.requestBody.content).map(([type, media]) => (
                <div key={type} className="api-media" data-testid="request-body">
                  <code className="api-media__type">{type}</code>
                  {media.schema && <SchemaTree doc={doc} schema={media.schema} />}
                </div>
              ))}
            </section>
          )}
          <Responses doc={doc} responses={operation.responses} />
        </div>
      )}
    </li>
  );
}

function Parameters({ doc, parameters }: { doc: OpenApiDocument; parameters: Parameter[] }) {
  const t = useT();
  if (parameters.length === 0) return null;
  return (
    <section>
      <h5>{t('apiDocs.parameters')}</h5>
      <table className="api-params">
        <tbody>
          {parameters.map((p) => (
            <tr key={`${p.in}-${p.name}`}>
              <th scope="row">
                <code>{p.name}</code>
                {p.required && <span className="schema-badge schema-badge--required">{t('apiDocs.required')}</span>}
              </th>
              <td className="api-params__in">{t(`apiDocs.in.${p.in}` as MessageKey)}</td>
              <td>
                {p.schema && <code className="schema-type">{typeLabel(p.schema)}</code>}
                {p.description && <span className="schema-description">{p.description}</span>}
                {p.schema?.enum && (
                  <span className="schema-enum">
                    {t('apiDocs.values')}:{' '}
                    {p.schema.enum.map((v) => (
                      <code key={String(v)}>{String(v)}</code>
                    ))}
                  </span>
                )}
                {p.example !== undefined && (
                  <span className="schema-fact">
                    {t('apiDocs.example')}: <code>{String(p.example)}</code>
                  </span>
                )}
                {p.schema && !p.schema.enum && typeof p.schema.$ref === 'string' && (
                  <SchemaTree doc={doc} schema={p.schema} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Responses({ doc, responses }: { doc: OpenApiDocument; responses: Record<string, Response> }) {
  const t = useT();
  return (
    <section>
      <h5>{t('apiDocs.responses')}</h5>
      <ul className="api-responses">
        {Object.entries(responses).map(([status, raw]) => {
          const response = deref(doc, raw);
          const media = Object.entries(response.content ?? {});
          return (
            <li key={status} className={`api-response api-response--${status[0]}xx`}>
              <p>
                <span className="api-status">{status}</span> {response.description}
                {media.length === 0 && <span className="schema-fact">{t('apiDocs.noBody')}</span>}
              </p>
              {response.headers && (
                <p className="api-response__headers">
                  {t('apiDocs.headers')}:{' '}
                  {Object.entries(response.headers).map(([name, h]) => (
                    <span key={name} className="schema-fact" title={h.description}>
                      <code>{name}</code>
                    </span>
                  ))}
                </p>
              )}
              {media.map(([type, m]) => (
                <div key={type} className="api-media">
                  <code className="api-media__type">{type}</code>
                  {/* Error answers share one schema, shown on first opening; the list stays short. */}
                  {m.schema && Number(status) < 400 && <SchemaTree doc={doc} schema={m.schema} />}
                  {m.schema && Number(status) >= 400 && <code className="schema-type">{typeLabel(m.schema)}</code>}
                </div>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
