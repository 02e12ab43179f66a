#!/bin/sh
# Makes the application's class-data-sharing archive, lib/app/app.jsa, for an app image where it lies:
#   cds-archive.sh /opt/bearing-workbench
# The archive holds the classes a start loads (lib/app/app.classlist, recorded when the installer was built: the
# window opening the sample data and a command-line import), parsed and laid out once, so the window and the commands
# start sooner (the window ~1 s). The JVM takes it only for the jar files at the paths it was made with, so it is made
# where the application is installed (the .deb's postinst runs this) and again after the app image is moved. Both
# launchers name it (-XX:SharedArchiveFile); without it, or with a stale one, the application runs as well, only
# starts slower.
set -eu
image="$1"
app="$image/lib/app"
test -f "$app/app.classlist" || { echo "cds-archive: no $app/app.classlist" >&2; exit 1; }
cp=$(sed -n "s|^app.classpath=\$APPDIR|$app|p" "$app/BearingWorkbench.cfg" | paste -sd: -)
rm -f "$app/app.jsa"
"$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/app.classlist" \
    -XX:SharedArchiveFile="$app/app.jsa" -Xmx4g -cp "$cp" > "$app/app.jsa.log" 2>&1 || {
    echo "cds-archive: the archive could not be made (see $app/app.jsa.log)" >&2
    rm -f "$app/app.jsa"
    exit 1
}
# the archive is taken (-Xshare:on fails when it does not match this image's jars)
"$image/lib/runtime/bin/java" -Xshare:on -XX:SharedArchiveFile="$app/app.jsa" -Xmx4g -cp "$cp" \
    -Dbw.cli=true org.bearingworkbench.Launcher --version > /dev/null 2>> "$app/app.jsa.log" || {
    echo "cds-archive: the archive made does not match $app (see $app/app.jsa.log)" >&2
    rm -f "$app/app.jsa"
    exit 1
}
rm -f "$app/app.jsa.log"
