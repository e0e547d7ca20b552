// A print button is shown only where a script can print: without one, the browser's own Print command remains.
for (const button of document.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
}
