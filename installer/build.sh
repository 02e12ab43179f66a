#!/usr/bin/env bash
# Builds the Linux installer from target/bearing-workbench.jar + target/lib (run by `mvn -B -Pinstaller package`):
#   1. a trimmed Java runtime (jlink): JDK 25 where one is found (INSTALLER_JDK, else Temurin 25 under
#      /usr/lib/jvm), else the JDK that runs the build,
#   2. an app image with two launchers: BearingWorkbench (window) and bearing-workbench (command line),
#   3. a smoke test of both launchers,
#   4. what makes them start sooner (decision 0020): on JDK 25, an ahead-of-time cache per launcher, made here by a
#      training run (the window opening the sample data; a command-line import) and shipped; on JDK 17, the class
#      list of a class-data-sharing archive that is made where the app is installed (cds-archive.sh, run by the
#      .deb's postinst, and here for the app image in place),
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

# the build's JDK (17): a class list, and a class-data-sharing archive made where the app is installed
use_build_jdk() {
  aot=0
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
  cp "$here/cds-archive.sh" "$target/jpackage-input/"
  gui_options=(--java-options "-Xmx4g" --java-options '-XX:SharedArchiveFile=$APPDIR/app.jsa')
  cli_options='-Xmx4g -XX:SharedArchiveFile=$APPDIR/app.jsa'
  compress=2
}
jdk="${INSTALLER_JDK:-}"
if [ -z "$jdk" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jlink ]; then
  jdk=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ -n "$jdk" ] && "$jdk/bin/java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
  aot=1
  # one cache per launcher, made below; native access (JavaFX, ND4J) and JavaCPP's sun.misc.Unsafe without warnings
  jdk25_options="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  gui_options=(--java-options "-Xmx4g" --java-options '-XX:AOTCache=$APPDIR/app.aot'
               --java-options --enable-native-access=ALL-UNNAMED --java-options --sun-misc-unsafe-memory-access=allow)
  cli_options="-Xmx4g -XX:AOTCache=\$APPDIR/cli.aot $jdk25_options"
  compress=zip-6
else
  use_build_jdk
fi

echo "== jlink: trimmed runtime, with the JDK's own class-data-sharing archive (a command starts ~0.15 s sooner)"
modules="$(tr -d ' \n' < "$here/modules.txt")"
if [ "$aot" = "1" ] && ! "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
      --compress="$compress" --generate-cds-archive --output "$target/runtime" > "$target/jlink.log" 2>&1; then
  # a JDK 25 without its jmods that cannot link its own runtime: the build's JDK instead
  echo "jlink of $jdk failed ($(tail -1 "$target/jlink.log")): the build's JDK instead"
  rm -rf "$target/runtime"
  use_build_jdk
fi
if [ "$aot" = "0" ]; then
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files \
        --no-man-pages --compress="$compress" --generate-cds-archive --output "$target/runtime"
  echo "== runtime: $("$jdk/bin/java" -version 2>&1 | head -1) (class-data-sharing archive made at install)"
else
  echo "== runtime: $("$jdk/bin/java" -version 2>&1 | head -1) (ahead-of-time caches)"
fi
sed "s|^java-options=.*|java-options=$cli_options -Dbw.cli=true -Djava.awt.headless=true|" \
    "$here/cli-launcher.properties" > "$target/cli-launcher.properties"

echo "== jpackage: app image"
"$jdk/bin/jpackage" --type app-image --name BearingWorkbench --app-version "$version" \
         --vendor "Bearing Workbench" --description "Bearing-vibration anomaly detection workbench" \
         --input "$target/jpackage-input" --main-jar bearing-workbench.jar --main-class org.bearingworkbench.Launcher \
         --runtime-image "$target/runtime" --icon "$root/icons/bearing-workbench-256.png" \
         "${gui_options[@]}" \
         --add-launcher bearing-workbench="$target/cli-launcher.properties" \
         --dest "$out"

# The launchers become scripts that start the bundled runtime with the launcher's own configuration (decision 0022):
# jpackage's native launcher asks rpm and dpkg which package owns it at every start (0.2 s here, more with a larger
# or colder package database) before it starts Java.
script_launcher() { # $1 app image, $2 launcher name
  local cfg="$1/lib/app/$2.cfg" main cp opts
  main=$(sed -n 's/^app.mainclass=//p' "$cfg")
  cp=$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd: -)
  opts=$(sed -n 's/^java-options=\(.*\)$/"\1"/p' "$cfg" | paste -sd' ' -)
  {
    echo '#!/bin/sh'
    echo "# $2: Bearing Workbench's launcher, made by installer/build.sh from lib/app/$2.cfg (decision 0022)"
    echo 'self=$(readlink -f "$0")'
    echo 'APPDIR=$(dirname "$(dirname "$self")")/lib/app'
    echo "exec \"\$APPDIR/../runtime/bin/java\" -Djpackage.app-path=\"\$self\" $opts -cp \"$cp\" $main \"\$@\""
  } > "$1/bin/$2"
  chmod 755 "$1/bin/$2"
}
script_launcher "$out/BearingWorkbench" BearingWorkbench
script_launcher "$out/BearingWorkbench" bearing-workbench

echo "== smoke test"
bash "$here/smoke-test.sh" "$out/BearingWorkbench"

# the launchers' class path for an app image at $1, from its launcher configuration (the order matters to a cache)
classpath_of() {
  sed -n "s|^app.classpath=\$APPDIR|$1/lib/app|p" "$1/lib/app/BearingWorkbench.cfg" | paste -sd: -
}
image="$out/BearingWorkbench"
sample="$image/lib/app/sample-data/ims-synthetic"
cp_image=$(classpath_of "$image")
java_image="$image/lib/runtime/bin/java"
if [ -z "${DISPLAY:-}" ]; then runner=(xvfb-run -a); else runner=(); fi
if [ "$aot" = "1" ]; then
  echo "== ahead-of-time caches: training runs (the window opening the sample data, a command-line import)"
  timeout 300 "${runner[@]}" "$java_image" -XX:AOTCacheOutput="$image/lib/app/app.aot" -Xmx4g $jdk25_options \
      -cp "$cp_image" org.bearingworkbench.Launcher gui --exit-after-load \
      "$sample" > "$target/aot-gui.log" 2>&1 || { tail -20 "$target/aot-gui.log"; exit 1; }
  timeout 300 "$java_image" -XX:AOTCacheOutput="$image/lib/app/cli.aot" -Xmx4g $jdk25_options \
      -Dbw.cli=true -Djava.awt.headless=true -cp "$cp_image" org.bearingworkbench.Launcher features "$sample" \
      -o "$target/aot-features.csv" > "$target/aot-cli.log" 2>&1 || { tail -20 "$target/aot-cli.log"; exit 1; }
  # the caches are taken (-XX:AOTMode=on fails when a cache does not fit this runtime and class path)
  "$java_image" -XX:AOTCache="$image/lib/app/cli.aot" -XX:AOTMode=on -Xmx4g $jdk25_options \
      -Dbw.cli=true -cp "$cp_image" org.bearingworkbench.Launcher --version
  ls -la "$image/lib/app/app.aot" "$image/lib/app/cli.aot" | awk '{print "cache: " $5 " bytes " $9}'
else
  echo "== class list for the class-data-sharing archive: the window opening the sample data, a command-line import"
  timeout 120 "${runner[@]}" "$java_image" -XX:DumpLoadedClassList="$target/gui.classlist" -Xmx4g \
      -cp "$cp_image" org.bearingworkbench.Launcher gui --exit-after-load "$sample" > "$target/classlist-gui.log" 2>&1
  "$java_image" -XX:DumpLoadedClassList="$target/cli.classlist" -Xmx4g -Dbw.cli=true \
      -Djava.awt.headless=true -cp "$cp_image" org.bearingworkbench.Launcher features "$sample" \
      -o "$target/classlist-features.csv" > "$target/classlist-cli.log" 2>&1
  cat "$target/gui.classlist" "$target/cli.classlist" | grep -v '^#' | awk '!seen[$0]++' \
      > "$image/lib/app/app.classlist"
  wc -l < "$image/lib/app/app.classlist" | awk '{print "classes: " $1}'
fi

du -sh "$image" | awk '{print "app image: " $1}'
if [ "${INSTALLER_SKIP_DEB:-0}" = "1" ]; then
  echo "== .deb skipped (INSTALLER_SKIP_DEB=1)"
else
  echo "== jpackage: .deb (a few minutes: the native libraries compress slowly)"
  "$jdk/bin/jpackage" --type deb --name bearing-workbench --app-version "$version" \
           --vendor "Bearing Workbench" --description "Bearing-vibration anomaly detection workbench" \
           --app-image "$out/BearingWorkbench" \
           --linux-package-name bearing-workbench --linux-shortcut --linux-menu-group "Science;Engineering" \
           --linux-app-category science --linux-app-release 1 \
           --linux-package-deps "libgtk-3-0, libxtst6, libxxf86vm1, libgl1, libasound2" \
           --resource-dir "$here/deb-resources" \
           --dest "$out"
  ls -la "$out"/*.deb | awk '{print "deb: " $5 " bytes " $9}'
  if [ "${INSTALLER_CHECK_DEB:-0}" = "1" ]; then
    echo "== .deb: install, run the CLI, check its start-up archive or caches, remove"
    apt-get install -y -q "$(ls "$out"/*.deb)" > "$out/apt-install.log" 2>&1 || { tail -20 "$out/apt-install.log"; exit 1; }
    /opt/bearing-workbench/bin/bearing-workbench --help | head -1
    installed=/opt/bearing-workbench/lib/app
    cp_installed=$(classpath_of /opt/bearing-workbench)
    if [ "$aot" = "1" ]; then
      /opt/bearing-workbench/lib/runtime/bin/java -XX:AOTCache="$installed/cli.aot" -XX:AOTMode=on -Xmx4g \
          $jdk25_options -Dbw.cli=true -cp "$cp_installed" org.bearingworkbench.Launcher --version
      echo "installed: the command line's ahead-of-time cache is taken"
    else
      ls -la "$installed/app.jsa" | awk '{print "installed archive: " $5 " bytes"}'
    fi
    if [ "${INSTALLER_KEEP_DEB:-0}" = "1" ]; then
      echo "== .deb: left installed (INSTALLER_KEEP_DEB=1)"
    else
      apt-get remove -y -q bearing-workbench > "$out/apt-remove.log" 2>&1 || { tail -20 "$out/apt-remove.log"; exit 1; }
      test ! -e "$installed/app.jsa" || { echo "the archive outlived the package"; exit 1; }
    fi
  fi
fi
if [ "$aot" = "0" ]; then
  echo "== class-data-sharing archive for the app image where it lies"
  sh "$image/lib/app/cds-archive.sh" "$image"
  ls -la "$image/lib/app/app.jsa" | awk '{print "archive: " $5 " bytes"}'
fi
