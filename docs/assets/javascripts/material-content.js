/* Material for MkDocs 9.8 (MIT License, Martin Donath): partials/javascripts/content.html as a file
   (CSP without 'unsafe-inline'). Opens the content tab that the address points to. */
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
