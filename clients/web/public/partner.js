// "Accès partenaire": a partner pastes the credential the hub gave it; it is kept for this tab
// only (sessionStorage) and sent as `Authorization: Bearer …` with the page's GraphQL requests, so
// that reports kept for partners show. Signing out forgets it.
const KEY = 'bibia.partnerCredential';
const $ = (id) => document.getElementById(id);

/** The credential of this tab, or null. */
export function partnerCredential() {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Forgets the credential (signing out, or a credential the hub refused) and updates the form. */
export function forgetPartnerCredential() {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: nothing was kept
  }
  render();
}

function render() {
  const active = Boolean(partnerCredential());
  $('partner-form').hidden = active;
  $('partner-active').hidden = !active;
  $('partner-summary').textContent = active ? 'Accès partenaire (actif)' : 'Accès partenaire';
}

/** Wires the form; `reload` shows the current view again with the new credentials. */
export function initPartnerAccess(reload) {
  $('partner-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('partner-credential');
    const value = input.value.trim();
    input.value = '';
    // A JWT: three base64url parts. Anything else is refused here, before it is sent anywhere.
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value)) {
      $('partner-error').textContent = 'Ce n’est pas un jeton partenaire : collez le jeton complet reçu de l’administrateur du hub.';
      $('partner-error').hidden = false;
      return;
    }
    $('partner-error').hidden = true;
    window.sessionStorage.setItem(KEY, value);
    render();
    reload();
  });
  $('partner-signout').addEventListener('click', () => {
    forgetPartnerCredential();
    reload();
  });
  render();
}
