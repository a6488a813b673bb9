/** This language's catalogue, every namespace of it, fetched as one file when it is chosen. */
export default import.meta.glob<Record<string, unknown>>('./*.json', {
  eager: true,
  import: 'default',
});
