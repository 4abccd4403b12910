// The label-class mapping (data/label-classes.yaml), which the build (scripts/build.mjs) bundles as text.
declare module '*.yaml' {
  const text: string;
  export default text;
}
