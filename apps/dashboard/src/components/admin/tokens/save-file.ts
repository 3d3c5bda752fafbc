/** Has the browser save `text` as a file named `name` (a download, nothing leaves the page). */
export function saveFile(name: string, text: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started from the URL by the time this runs.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
