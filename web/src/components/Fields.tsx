/** Labelled form fields: every input has a <label htmlFor>, an optional hint and its error message. */
import { useId, type ChangeEvent, type ReactNode, type Ref } from 'react';

interface Common {
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  id?: string;
  name?: string;
  className?: string;
  testId?: string;
}

function useIds(id?: string) {
  const auto = useId();
  const base = id ?? `f${auto.replace(/:/g, '')}`;
  return { input: base, hint: `${base}-hint`, error: `${base}-error` };
}

function describedBy(ids: { hint: string; error: string }, hint: unknown, error: unknown) {
  return [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined;
}

/** The label; a required field gets a star beside it (outside the label, so the name stays clean). */
function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <div className="label-row">
      <label htmlFor={htmlFor}>{label}</label>
      {required && (
        <span className="required" aria-hidden="true">
          *
        </span>
      )}
    </div>
  );
}

function Messages({ ids, hint, error }: { ids: { hint: string; error: string }; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <div className="hint" id={ids.hint}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={ids.error} data-testid="field-error">
          {error}
        </div>
      )}
    </>
  );
}

export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  list,
  placeholder,
  inputRef,
  autoFocus,
  maxLength,
  ...c
}: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'tel' | 'url' | 'date' | 'search';
  autoComplete?: string;
  list?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  maxLength?: number;
}) {
  const ids = useIds(c.id);
  return (
    <div className={`field ${c.className ?? ''}`}>
      <FieldLabel htmlFor={ids.input} label={label} required={c.required} />
      <input
        id={ids.input}
        name={c.name}
        ref={inputRef}
        type={type}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        readOnly={c.readOnly}
        disabled={c.disabled}
        required={c.required}
        autoComplete={autoComplete}
        list={list}
        placeholder={placeholder}
        autoFocus={autoFocus}
        maxLength={maxLength}
        aria-invalid={c.error ? true : undefined}
        aria-describedby={describedBy(ids, c.hint, c.error)}
        data-testid={c.testId}
      />
      <Messages ids={ids} hint={c.hint} error={c.error} />
    </div>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  onChange,
  options,
  ...c
}: Common & { value: V; onChange: (value: V) => void; options: Array<{ value: V; label: string }> }) {
  const ids = useIds(c.id);
  return (
    <div className={`field ${c.className ?? ''}`}>
      <FieldLabel htmlFor={ids.input} label={label} required={c.required} />
      <select
        id={ids.input}
        name={c.name}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        disabled={c.disabled || c.readOnly}
        aria-invalid={c.error ? true : undefined}
        aria-describedby={describedBy(ids, c.hint, c.error)}
        data-testid={c.testId}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages ids={ids} hint={c.hint} error={c.error} />
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  switchRole,
  ...c
}: Common & { checked: boolean; onChange: (checked: boolean) => void; switchRole?: boolean }) {
  const ids = useIds(c.id);
  return (
    <div className={`field checkbox-field ${switchRole ? 'switch' : ''} ${c.className ?? ''}`}>
      <input
        id={ids.input}
        name={c.name}
        type="checkbox"
        role={switchRole ? 'switch' : undefined}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        disabled={c.disabled || c.readOnly}
        aria-describedby={describedBy(ids, c.hint, c.error)}
        data-testid={c.testId}
      />
      <label htmlFor={ids.input}>{label}</label>
      <Messages ids={ids} hint={c.hint} error={c.error} />
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  disabled,
}: {
  legend: string;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: Array<{ value: V; label: string }>;
  disabled?: boolean;
}) {
  const base = useId().replace(/:/g, '');
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.value} className="radio">
          <input
            type="radio"
            id={`${base}-${o.value}`}
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            disabled={disabled}
          />
          <label htmlFor={`${base}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
