// A QR code for a consultation's public link, drawn as SVG on the server (no script in the
// browser): the modules come from qrcode-generator, the drawing is one path. Error correction
// level M survives a poster's creases and smudges.
import qrcode from 'qrcode-generator';

export function qrSvg(text: string, label: string): string {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const margin = 4;
  const size = count + margin * 2;
  const path: string[] = [];
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++)
      if (code.isDark(row, col)) path.push(`M${col + margin},${row + margin}h1v1h-1z`);
  const escaped = label
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="240" height="240" role="img" aria-label="${escaped}" shape-rendering="crispEdges" class="app-qr">` +
    `<rect width="${size}" height="${size}" fill="#ffffff"/><path fill="#0b0c0c" d="${path.join('')}"/></svg>`
  );
}
