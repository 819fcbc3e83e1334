// Text files bundled into the code (esbuild's `text` loader, set in esbuild.mjs): the matcher's vocabulary.
declare module '*.txt' {
  const text: string;
  export default text;
}
