/**
 * Attribute mapping of an import: for every field of a claim (or constraint area) a file column,
 * shown with sample values, or a constant; vocabulary fields read from a column get a table that
 * translates the file's values to codes. Starts from the server's suggestion.
 */
import { useId } from 'react';
import type { MappingSource } from '../../shared/imports.schema.js';
import type { ImportPreview } from '../../shared/interop.js';
import type { MessageKey } from '../i18n/de.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import {
  distinctValues,
  isCode,
  sourceFor,
  targetFields,
  untranslatedValues,
  vocabulary,
  withSource,
  withTranslation,
  type MappingDraft,
  type TargetField,
} from './mapping.js';
import '../i18n/interop.texts.js';

/** Distinct values listed for translation (the most frequent ones). */
const MAX_VALUES = 50;

interface RowProps {
  field: TargetField;
  source: MappingSource;
  preview: ImportPreview;
  onChange(source: MappingSource): void;
}

function ConstantInput({ field, source, label, onChange }: Omit<RowProps, 'preview'> & { label: string }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const value = 'value' in source ? source.value : null;
  const aria = t('interop.constantFor', { field: label });
  if (field.kind === 'vocab') {
    return (
      <select
        className="select"
        aria-label={aria}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange({ value: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">{t('interop.choose')}</option>
        {vocabulary(field.key, locale).map((v) => (
          <option key={v.code} value={v.code}>
            {v.label}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'year') {
    return (
      <input
        type="number"
        className="input"
        aria-label={aria}
        min={2025}
        max={2060}
        placeholder={t('interop.none')}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange({ value: e.target.value === '' ? null : Number(e.target.value) })}
      />
    );
  }
  return (
    <input
      type="text"
      className="input"
      aria-label={aria}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange({ value: e.target.value })}
    />
  );
}

function Translations({ field, source, preview, onChange, label }: RowProps & { label: string }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  if (!('field' in source)) return null;
  const values = distinctValues(preview.features, source.field, MAX_VALUES + 1);
  const codes = vocabulary(field.key, locale);
  const open = new Set(untranslatedValues(field.key, source, preview.features));
  return (
    <div className="mapping-values">
      <table>
        <caption>{t('interop.translateCaption', { field: label, column: source.field })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('interop.fileValue')}</th>
            <th scope="col" className="num">
              {t('interop.valueCount')}
            </th>
            <th scope="col">{t('interop.becomes')}</th>
          </tr>
        </thead>
        <tbody>
          {values.slice(0, MAX_VALUES).map(({ value, count }) => {
            const own = isCode(field.key, value) ? codes.find((c) => c.code === value)?.label : undefined;
            return (
              <tr key={value} className={open.has(value) ? 'mapping-values__open' : undefined}>
                <th scope="row">{value}</th>
                <td className="num">{formatNumber(locale, count)}</td>
                <td>
                  <select
                    className="select select--small"
                    aria-label={t('interop.translateValue', { value })}
                    value={source.values?.[value] ?? ''}
                    onChange={(e) => onChange(withTranslation(source, value, e.target.value))}
                  >
                    <option value="">{own ? t('interop.keepCode', { label: own }) : t('interop.notMapped')}</option>
                    {codes.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {values.length > MAX_VALUES && <p className="form-field__hint">{t('interop.moreValues', { n: MAX_VALUES })}</p>}
      {open.size > 0 && (
        <p className="form-field__error" role="status">
          {t('interop.valuesOpen', { n: open.size })}
        </p>
      )}
    </div>
  );
}

function MappingRow({ field, source, preview, onChange }: RowProps) {
  const t = useT();
  const id = useId();
  const label = t(`interop.field.${field.key}` as MessageKey);
  const column = 'field' in source ? preview.fields.find((f) => f.name === source.field) : undefined;
  return (
    <div className="mapping-row" data-field={field.key}>
      <div className="mapping-row__label">
        <label htmlFor={id}>{label}</label>
        {field.required && <span aria-hidden="true"> *</span>}
      </div>
      <div className="mapping-row__inputs">
        <select
          id={id}
          className="select"
          value={'field' in source ? `col:${source.field}` : 'const'}
          onChange={(e) => {
            const picked = e.target.value.startsWith('col:') ? e.target.value.slice(4) : '';
            onChange(sourceFor(field.key, picked, preview.features, source));
          }}
        >
          <option value="const">{t('interop.constant')}</option>
          {preview.fields.length > 0 && (
            <optgroup label={t('interop.columns')}>
              {preview.fields.map((f) => (
                <option key={f.name} value={`col:${f.name}`}>
                  {t('interop.columnOption', { name: f.name })}
                  {f.samples.length > 0 ? ` – ${f.samples.join(', ')}` : ''}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {'value' in source ? (
          <ConstantInput field={field} source={source} label={label} onChange={onChange} />
        ) : (
          <p className="form-field__hint mapping-row__samples">
            {column && column.samples.length > 0
              ? t('interop.samples', { values: column.samples.join(' · ') })
              : t('interop.noSamples')}
          </p>
        )}
      </div>
      {field.kind === 'vocab' && 'field' in source && (
        <Translations field={field} source={source} preview={preview} onChange={onChange} label={label} />
      )}
    </div>
  );
}

/** The mapping form. */
export function MappingEditor({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: MappingDraft;
  onChange(mapping: MappingDraft): void;
}) {
  const t = useT();
  return (
    <section className="import-mapping" aria-labelledby="import-mapping-heading">
      <h3 id="import-mapping-heading" className="import-panel__subtitle">
        {t('interop.mappingHeading')}
      </h3>
      <p className="form-field__hint">
        {preview.fields.length > 0 ? t('interop.mappingIntro') : t('interop.mappingNoColumns')}
      </p>
      {targetFields(preview.target).map((field) => (
        <MappingRow
          key={field.key}
          field={field}
          source={mapping[field.key] ?? { value: null }}
          preview={preview}
          onChange={(source) => onChange(withSource(mapping, field.key, source))}
        />
      ))}
    </section>
  );
}
