export default defineBackground(() => {
  // The audit log and policy live here once their issues land; the background stays the only writer.
});
