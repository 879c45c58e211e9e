// Sound and desktop notifications for new queue items and customer messages; each switchable, remembered per browser.
const KEY = 'kefu.console.notify';

export function notifySettings() {
  try {
    return { sound: true, desktop: false, ...JSON.parse(localStorage.getItem(KEY) || '{}') };
  } catch {
    return { sound: true, desktop: false };
  }
}

export function saveNotifySettings(settings) {
  localStorage.setItem(KEY, JSON.stringify(settings));
}

let audio = null;
function beep() {
  try {
    audio ??= new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.3);
  } catch {
    // No audio device (or not allowed yet): the visual counts still show.
  }
}

/** Tells the agent something happened while they may be looking elsewhere. */
export function notify(title, body) {
  const settings = notifySettings();
  if (settings.sound) beep();
  if (settings.desktop && 'Notification' in window && Notification.permission === 'granted' && document.hidden) {
    new Notification(title, { body, tag: 'kefu-console' });
  }
}
