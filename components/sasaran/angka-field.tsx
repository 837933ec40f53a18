/** A labelled number input with its hint or error tied to it (aria-describedby). Uncontrolled: `value` is the initial text. */
export function AngkaField({ name, label, value, error, readOnly, hint, inputMode = "numeric" }: { name: string; label: string; value: string; error?: string; readOnly: boolean; hint?: string; inputMode?: "numeric" | "decimal" }) {
  const id = `f-${name}`;
  const pesan = error ?? hint;
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-[1fr_9rem_12rem] sm:items-center">
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={value}
        readOnly={readOnly}
        inputMode={inputMode}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={pesan ? `${id}-pesan` : undefined}
        className={`w-full rounded border px-2 py-1 text-right tabular-nums read-only:bg-slate-100 ${error ? "border-red-600" : "border-slate-400"}`}
      />
      {pesan && (
        <p id={`${id}-pesan`} className={`text-xs ${error ? "text-red-700" : "text-slate-600"}`} role={error ? "alert" : undefined}>
          {pesan}
        </p>
      )}
    </div>
  );
}
