// Placeholder until the tab issue: shows that the tab is served and where the programme will be.
const root = document.getElementById('root');
if (root) {
  root.innerHTML =
    '<main style="font-family: Segoe UI, sans-serif; padding: 24px"><h1>Digiverkosto</h1>' +
    '<p>Ohjelma ja vertaisryhmät tulevat tälle välilehdelle. Kirjoita botille <strong>ohjelma</strong>.</p></main>';
}
