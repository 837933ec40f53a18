/** The explicit confirmation that warned values are right (DOMAIN.md §7); stored with the values. */
export function KonfirmasiPeringatan() {
  return (
    <label className="flex items-start gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <input type="checkbox" name="konfirmasi" value="ya" className="mt-1" />
      Saya sudah memeriksa angka yang diberi peringatan dan menyatakan angka itu benar.
    </label>
  );
}
