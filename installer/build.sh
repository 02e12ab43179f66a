#!/usr/bin/env bash
# Builds the Linux installer from target/bearing-workbench.jar + target/lib (run by `mvn -B -Pinstaller package`):
#   1. a trimmed Java runtime (jlink),
#   2. an app image with two launchers: BearingWorkbench (window) and bearing-workbench (command line),
#   3. a smoke test of both launchers,
#   4. a .deb (skipped with -Dinstaller.skipDeb / INSTALLER_SKIP_DEB=1).
set -euo pipefail
version="${1:-0.1.0}"
version="${version%-SNAPSHOT}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="$root/target"
out="$target/installer"
rm -rf "$out" "$target/runtime" "$target/jpackage-input"
mkdir -p "$out" "$target/jpackage-input"
cp "$target/bearing-workbench.jar" "$target/jpackage-input/"
cp -r "$target/lib" "$target/jpackage-input/lib"
mkdir -p "$target/jpackage-input/sample-data"
cp -r "$root/sample-data/ims-synthetic" "$target/jpackage-input/sample-data/"

echo "== jlink: trimmed runtime, with the JDK's own class-data-sharing archive (a command starts ~0.15 s sooner)"
jlink --add-modules "$(tr -d ' \n' < "$here/modules.txt")" --strip-debug --no-header-files --no-man-pages \
      --compress=2 --generate-cds-archive --output "$target/runtime"

echo "== jpackage: app image"
jpackage --type app-image --name BearingWorkbench --app-version "$version" \
         --vendor "Bearing Workbench" --description "Bearing-vibration anomaly detection workbench" \
         --input "$target/jpackage-input" --main-jar bearing-workbench.jar --main-class org.bearingworkbench.Launcher \
         --runtime-image "$target/runtime" --icon "$root/icons/bearing-workbench-256.png" \
         --java-options "-Xmx4g" \
         --add-launcher bearing-workbench="$here/cli-launcher.properties" \
         --dest "$out"

echo "== smoke test"
bash "$here/smoke-test.sh" "$out/BearingWorkbench"

du -sh "$out/BearingWorkbench" | awk '{print "app image: " $1}'
if [ "${INSTALLER_SKIP_DEB:-0}" = "1" ]; then
  echo "== .deb skipped (INSTALLER_SKIP_DEB=1)"
  exit 0
fi
echo "== jpackage: .deb (a few minutes: the native libraries compress slowly)"
jpackage --type deb --name bearing-workbench --app-version "$version" \
         --vendor "Bearing Workbench" --description "Bearing-vibration anomaly detection workbench" \
         --app-image "$out/BearingWorkbench" \
         --linux-package-name bearing-workbench --linux-shortcut --linux-menu-group "Science;Engineering" \
         --linux-app-category science \
         --linux-package-deps "libgtk-3-0, libxtst6, libxxf86vm1, libgl1, libasound2" \
         --resource-dir "$here/deb-resources" \
         --dest "$out"
ls -la "$out"/*.deb | awk '{print "deb: " $5 " bytes " $9}'
if [ "${INSTALLER_CHECK_DEB:-0}" = "1" ]; then
  echo "== .deb: install, run the CLI, remove"
  apt-get install -y -q "$(ls "$out"/*.deb)" > "$out/apt-install.log" 2>&1 || { tail -20 "$out/apt-install.log"; exit 1; }
  /opt/bearing-workbench/bin/bearing-workbench --help | head -1
  apt-get remove -y -q bearing-workbench > "$out/apt-remove.log" 2>&1 || { tail -20 "$out/apt-remove.log"; exit 1; }
fi
