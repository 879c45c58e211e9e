// Alerts pushed to supervisors on the console socket ({type: 'alert'}): shown, and announced with a short tone.
import { flash } from './dom.js';

let audio;

/** A short beep (two for critical alerts); browsers allow sound only after the page was interacted with. */
function chime(severity) {
  try {
    audio ??= new AudioContext();
    const beeps = severity === 'critical' ? [0, 0.25] : [0];
    for (const start of beeps) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = severity === 'info' ? 660 : 880;
      gain.gain.setValueAtTime(0.15, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.2);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.2);
    }
  } catch {
    // No sound available: the message still shows.
  }
}

export function showAlert(alert) {
  flash(`⚠ ${alert.title}`, alert.severity === 'info' ? 'info' : 'error');
  chime(alert.severity);
}
