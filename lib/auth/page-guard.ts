import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "./permissions";

/** For pages: an unknown unit and one outside the actor's scope both answer 404 (existence is not revealed). */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) notFound();
    throw error;
  }
}
