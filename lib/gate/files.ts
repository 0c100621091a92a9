/** Images, audio, video and fonts carry no text Precheck reads; documents and text files do. */
export function isMediaFile(type: string, name: string): boolean {
  return /^(image|audio|video|font)\//i.test(type) || /\.(jpe?g|png|gif|bmp|webp|svg|ico|mp[34]|avi|mov|wmv|flv|wav|woff2?|ttf)$/i.test(name);
}
