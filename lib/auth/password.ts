import bcrypt from "bcryptjs";

// Slow salted hash (bcrypt, cost 10).
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

export function hashPasswordSync(password: string): string {
  return bcrypt.hashSync(password, COST);
}
