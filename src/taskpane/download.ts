// A file the pane made, offered as the browser's own download: a link to an object URL, clicked,
// then let go. Nothing is sent anywhere (the page's CSP allows no connection but its own origin).
export async function downloadFile(name: string, bytes: Uint8Array, type: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked a moment later: some browsers read the URL after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
