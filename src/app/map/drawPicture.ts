// The still picture of the map on a plain canvas, drawn as the stylesheet draws the live map: links under notes,
// each note's label right after the note, region names under everything.
import type { PreviewLabel, PreviewScene } from './previewScene.ts';
import { LOOK, type MapTheme } from './stylesheet.ts';

export function drawPicture(canvas: HTMLCanvasElement, scene: PreviewScene, theme: MapTheme): void {
  canvas.width = canvas.clientWidth;
  canvas.height = canvas.clientHeight;
  const context = canvas.getContext('2d');
  if (!context) return;
  const { zoom } = scene.viewport;
  // Region names lie under everything else, as the stylesheet puts them.
  for (const label of scene.labels) if (label.region) drawLabel(context, label, theme, zoom);

  // Links under notes, one path per look (thousands of separate strokes would cost more than the picture is worth).
  const looks = new Map<string, PreviewScene['links']>();
  for (const link of scene.links) {
    const key = `${link.near ? 'near' : 'plain'}:${link.embed ? 'embed' : 'line'}:${link.width.toFixed(2)}`;
    (looks.get(key) ?? looks.set(key, []).get(key)!).push(link);
  }
  for (const links of looks.values()) {
    const { near, embed, width } = links[0]!;
    context.beginPath();
    for (const link of links) {
      context.moveTo(link.x1, link.y1);
      context.lineTo(link.x2, link.y2);
    }
    context.strokeStyle = near ? theme.highlight : theme.edge;
    context.globalAlpha = near ? LOOK.nearLinkOpacity : 1;
    context.lineWidth = near ? LOOK.nearLinkWidth * zoom : width;
    context.setLineDash(embed ? [6 * zoom, 3 * zoom] : []);
    context.stroke();
  }
  context.globalAlpha = 1;

  // Each note's label right after the note, as Cytoscape draws them: a later note covers an earlier one's label.
  const labelOf = new Map(scene.labels.map((label) => [label.id, label]));
  for (const note of scene.notes) {
    const radius = note.size / 2;
    if (note.selected) {
      context.beginPath();
      context.arc(note.x, note.y, radius + LOOK.selectedUnderlayPadding * zoom, 0, 2 * Math.PI);
      context.globalAlpha = LOOK.selectedUnderlayOpacity;
      context.fillStyle = theme.highlight;
      context.fill();
      context.globalAlpha = 1;
    }
    context.beginPath();
    context.arc(note.x, note.y, radius, 0, 2 * Math.PI);
    if (note.ghost) {
      context.setLineDash([4 * zoom, 4 * zoom]);
      context.lineWidth = LOOK.ghostBorder * zoom;
      context.strokeStyle = theme.ghostBorder;
      context.stroke();
      context.setLineDash([]);
    } else {
      context.fillStyle = note.colour;
      context.fill();
    }
    if (note.selected) {
      context.lineWidth = LOOK.selectedBorder * zoom;
      context.strokeStyle = theme.highlight;
      context.stroke();
    }
    const label = labelOf.get(note.id);
    if (label) drawLabel(context, label, theme, zoom);
  }
}

/** As the stylesheet draws labels: system font, outlined in the background colour (outline in map units). */
function drawLabel(context: CanvasRenderingContext2D, label: PreviewLabel, theme: MapTheme, zoom: number): void {
  context.font = `${label.region ? 'bold' : label.ghost ? 'italic' : 'normal'} ${label.font}px system-ui, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = label.region ? 'middle' : 'top';
  context.lineJoin = 'round';
  context.lineWidth = 2 * (label.region ? LOOK.regionOutline : LOOK.labelOutline) * zoom; // an outline is half the stroke
  context.strokeStyle = theme.labelOutline;
  context.strokeText(label.text, label.x, label.y);
  context.fillStyle = label.ghost ? theme.ghostBorder : theme.label;
  context.fillText(label.text, label.x, label.y);
}
