// Attribute paths come in two shapes: Terraform (`spec.0.template.0.spec.0.container.0.image`)
// and manifest/native (`spec.template.spec.containers.0.image`). Patterns therefore match whole
// dot-separated segments anywhere in the path instead of anchoring on a full path.

function alt(names: string[]): string {
  // Each argument may list several names separated by spaces, to keep the table compact.
  return names
    .flatMap((n) => n.split(/\s+/).filter(Boolean))
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** Matches when any segment of the path is one of `names` (the block itself or anything under it). */
export function seg(...names: string[]): RegExp {
  return new RegExp(`(^|\\.)(${alt(names)})(\\.|$)`);
}

/** Matches when the last segment of the path is one of `names`. */
export function leaf(...names: string[]): RegExp {
  return new RegExp(`(^|\\.)(${alt(names)})$`);
}

/** Matches Terraform types and manifest/native types (`apps/v1/Deployment`) alike. */
export function kinds(terraform: string[], native: string[]): RegExp {
  const tf = terraform.length ? `^(${alt(terraform)})(_v1)?$` : '(?!)';
  const nat = native.length ? `(^|/)(${alt(native)})$` : '(?!)';
  return new RegExp(`${tf}|${nat}`);
}
