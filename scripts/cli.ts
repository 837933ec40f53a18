// `npm run cli -- <command>`: init, import-values, import-sasaran, import-penduduk, import-batas, spm-report, backup, restore.
// Same rules and same library as the web app. PANTAU_DATA_DIR / DATABASE_URL select the database.
import { COMMANDS, usage } from "./cli/commands";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Perintah tidak dikenal: ${name}\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Gagal: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
