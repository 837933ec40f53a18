import { z } from "zod";
import { id } from "zod/locales";

// zod's own messages (a missing field, a wrong type: "Input tidak valid: diharapkan string, diterima null")
// in Indonesian. Every module under lib/schemas imports this file, so no English message reaches a user.
z.config(id());
