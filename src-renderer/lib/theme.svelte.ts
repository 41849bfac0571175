/** Light, dark, or as the system says: the choice is remembered; "system" follows the OS live (CSS media query). */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'api-doctor.theme';

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

class Theme {
  choice: ThemeChoice = $state(stored());

  set(c: ThemeChoice): void {
    this.choice = c;
    try {
      localStorage.setItem(KEY, c);
    } catch {
      // Unavailable storage: the choice lasts for this session.
    }
  }

  /** The menu's toggle: to the opposite of what is shown now. */
  toggle(): void {
    const dark = this.choice === 'dark' || (this.choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.set(dark ? 'light' : 'dark');
  }
}

export const theme = new Theme();
