export const LOGIN = {
  subtitle: "Pemantauan Wilayah Setempat — Integrasi Layanan Primer. Masuk dengan akun Anda.",
  form: {
    email: "Email",
    password: "Kata sandi",
    submit: "Masuk",
    submitting: "Memeriksa…",
    genericError: "Email atau kata sandi salah.",
  },
} as const;
