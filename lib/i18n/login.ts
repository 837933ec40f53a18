/** The one answer to every refused login: unknown email, inactive account, wrong password or a throttled attempt. */
export const LOGIN_GAGAL = "Email atau kata sandi salah. Bila sudah benar, tunggu sebentar lalu coba lagi: setelah beberapa percobaan gagal, masuk ditahan sementara.";

export const LOGIN = {
  subtitle: "Pemantauan Wilayah Setempat — Integrasi Layanan Primer. Masuk dengan akun Anda.",
  form: {
    email: "Email",
    password: "Kata sandi",
    submit: "Masuk",
    submitting: "Memeriksa…",
    genericError: LOGIN_GAGAL,
  },
} as const;
