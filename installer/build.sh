#!/usr/bin/env bash
# Builds the Linux installer from target/bearing-workbench.jar + target/lib (run by `mvn -B -Pinstaller package`):
#   1. a trimmed Java runtime (jlink),
#   2. an app image with two launchers: BearingWorkbench (window) and bearing-workbench (command line),
#   3. a smoke test of both launchers,
#   4. the class list of the application's class-data-sharing archive (the archive itself is made where the app
#      is installed: cds-archive.sh, run by the .deb's postinst, and here for the app image in place),
#   5. a .deb (skipped with -Dinstaller.skipDeb / INSTALLER_SKIP_DEB=1).
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
cp "$here/cds-archive.sh" "$target/jpackage-input/"

echo "== jlink: trimmed runtime, with the JDK's own class-data-sharing archive (a command starts ~0.15 s sooner)"
jlink --add-modules "$(tr -d ' \n' < "$here/modules.txt")" --strip-debug --no-header-files --no-man-pages \
      --compress=2 --generate-cds-archive --output "$target/runtime"

echo "== jpackage: app image"
jpackage --type app-image --name BearingWorkbench --app-version "$version" \
         --vendor "Bearing Workbench" --description "Bearing-vibration anomaly detection workbench" \
         --input "$target/jpackage-input" --main-jar bearing-workbench.jar --main-class org.bearingworkbench.Launcher \
         --runtime-image "$target/runtime" --icon "$root/icons/bearing-workbench-256.png" \
         --java-options "-Xmx4g" --java-options '-XX:SharedArchiveFile=$APPDIR/app.jsa' \
         --add-launcher bearing-workbench="$here/cli-launcher.properties" \
         --dest "$out"

echo "== smoke test"
bash "$here/smoke-test.sh" "$out/BearingWorkbench"

image="$out/BearingWorkbench"
echo "== class list for the class-data-sharing archive: the window opening the sample data, a command-line import"
sample="$image/lib/app/sample-data/ims-synthetic"
cp_image=$(sed -n "s|^app.classpath=\$APPDIR|$image/lib/app|p" "$image/lib/app/BearingWorkbench.cfg" | paste -sd: -)
if [ -z "${DISPLAY:-}" ]; then runner=(xvfb-run -a); else runner=(); fi
timeout 120 "${runner[@]}" "$image/lib/runtime/bin/java" -XX:DumpLoadedClassList="$target/gui.classlist" -Xmx4g \
    -cp "$cp_image" org.bearingworkbench.Launcher gui --exit-after-load "$sample" > "$target/classlist-gui.log" 2>&1
"$image/lib/runtime/bin/java" -XX:DumpLoadedClassList="$target/cli.classlist" -Xmx4g -Dbw.cli=true \
    -Djava.awt.headless=true -cp "$cp_image" org.bearingworkbench.Launcher features "$sample" \
    -o "$target/classlist-features.csv" > "$target/classlist-cli.log" 2>&1
cat "$target/gui.classlist" "$target/cli.classlist" | grep -v '^#' | awk '!seen[$0]++' > "$image/lib/app/app.classlist"
wc -l < "$image/lib/app/app.classlist" | awk '{print "classes: " $1}'

du -sh "$image" | awk '{print "app image: " $1}'
if [ "${INSTALLER_SKIP_DEB:-0}" = "1" ]; then
  echo "== .deb skipped (INSTALLER_SKIP_DEB=1)"
else
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
    echo "== .deb: install (its postinst makes the class-data-sharing archive), run the CLI, remove"
    apt-get install -y -q "$(ls "$out"/*.deb)" > "$out/apt-install.log" 2>&1 || { tail -20 "$out/apt-install.log"; exit 1; }
    /opt/bearing-workbench/bin/bearing-workbench --help | head -1
    ls -la /opt/bearing-workbench/lib/app/app.jsa | awk '{print "installed archive: " $5 " bytes"}'
    if [ "${INSTALLER_KEEP_DEB:-0}" = "1" ]; then
      echo "== .deb: left installed (INSTALLER_KEEP_DEB=1)"
    else
      apt-get remove -y -q bearing-workbench > "$out/apt-remove.log" 2>&1 || { tail -20 "$out/apt-remove.log"; exit 1; }
      test ! -e /opt/bearing-workbench/lib/app/app.jsa || { echo "the archive outlived the package"; exit 1; }
    fi
  fi
fi
echo "== class-data-sharing archive for the app image where it lies"
sh "$image/lib/app/cds-archive.sh" "$image"
ls -la "$image/lib/app/app.jsa" | awk '{print "archive: " $5 " bytes"}'
