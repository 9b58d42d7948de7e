// The one door to the Rust side. Errors arrive as { kind, field, message };
// anything else (an argument Tauri could not parse) is turned into that shape.

const tauri = window.__TAURI__;

export async function call(command, args = {}) {
  if (!tauri?.core?.invoke) {
    throw { kind: 'io', field: null, message: 'The app bridge is missing; start the app with the incidents-app binary.' };
  }
  try {
    return await tauri.core.invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'kind' in e && 'message' in e) throw e;
    throw { kind: 'invalid_arguments', field: null, message: String(e) };
  }
}
