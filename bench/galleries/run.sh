#!/usr/bin/env bash
# Galleries (issue: private galleries and delivery), each figure beside its reference in the
# same run, on the demo studio and a private PostgreSQL:
#   uploads     PHOTOS 24-megapixel JPEGs, then ZIP_BYTES of 24-megapixel TIFFs, sent as tus
#               uploads (bench/galleries/api.py) — against `dd conv=fsync` copying the same
#               files on the same disk (the server syncs each photo too);
#   renditions  a server started with GALLERY_WORKERS=WORKERS making the photos' thumbnail,
#               preview and placeholder — against `vipsthumbnail` and ImageMagick making the same
#               two sizes of the same files, WORKERS processes at a time, one thread each;
#   downloads   wrk fetching a photo's signed link at CONNECTIONS connections for DURATION, the
#               server's RSS sampled — against bench/galleries/sendfile_server.c, a bare
#               sendfile(2) loop serving the same file;
#   zip         the TIFF gallery's zip (past 4 GiB: ZIP64) fetched whole by the client, checked
#               by `unzip -t`, its size against Content-Length, the server's peak RSS meanwhile.
# Updates the "galleries" section of bench/RESULTS.md. Needs about 4 × ZIP_BYTES of free disk.
set -euo pipefail
cd "$(dirname "$0")/../.."
PHOTOS=${PHOTOS:-24} WORKERS=${WORKERS:-$(nproc)} CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-10s} ZIP_BYTES=${ZIP_BYTES:-4600000000} THREADS=${THREADS:-$(nproc)}
source bench/lib.sh
scripts/bootstrap imagemagick
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/galleries} && rm -rf "$out" && mkdir -p "$out"/{gen,photos,tiffs,copies,vips,magick}
out=$(realpath "$out")
gcc -O2 -pthread -o "$out/sendfile_server" bench/galleries/sendfile_server.c
magick=$(command -v convert-im6.q16 || command -v magick)
# Debian's ImageMagick policy caps its pixel cache at 256 MiB: a 24 MP photo fails with "cache
# resources exhausted". Ours lifts the memory caps only.
mkdir -p "$out/magick-policy" && cat >"$out/magick-policy/policy.xml" <<'XML'
<policymap>
  <policy domain="resource" name="memory" value="2GiB"/>
  <policy domain="resource" name="map" value="4GiB"/>
  <policy domain="resource" name="disk" value="8GiB"/>
</policymap>
XML
api() { python3 bench/galleries/api.py "$1" "$base" "${@:2}"; }
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
rss_of() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
# VmRSS of PID every 100 ms into FILE until stopped.
sample_rss() { while kill -0 "$1" 2>/dev/null; do rss_of "$1" >>"$2" 2>/dev/null; echo >>"$2"; sleep 0.1; done; }
max_of() { sort -n "$1" | tail -1; }

# --- the pictures: film grain over a gradient, each photo a little brighter than the last ------
(cd "$out/gen" && for seed in 1 2 3; do vips gaussnoise "n$seed.v" 6000 4000 --sigma 30 --mean 0 --seed $seed; done &&
  vips bandjoin "n1.v n2.v n3.v" n.v && vips gaussblur n.v grain.v 1.0 && vips xyz xy.v 6000 4000 &&
  vips extract_band xy.v x.v 0 && vips linear x.v ramp.v 0.02 60 && vips add grain.v ramp.v base.v)
for n in $(seq 1 "$PHOTOS"); do
  vips linear "$out/gen/base.v" "$out/photos/$(printf 'DSC_%04d' "$n").jpg[Q=92]" 1 $((n % 40)) --uchar
done
tiffs=$(calc "-(-$ZIP_BYTES // (6000 * 4000 * 3))")
for n in $(seq 1 "$tiffs"); do
  # Each one different (a duplicate would be dropped from the gallery).
  vips linear "$out/gen/base.v" "$out/tiffs/$(printf 'SCAN_%04d' "$n").tif" "0.$((999 - n))" $((n % 40)) --uchar
done
rm -rf "$out/gen"
photo_bytes=$(du -cb "$out"/photos/*.jpg | tail -1 | cut -f1)
tiff_bytes=$(du -cb "$out"/tiffs/*.tif | tail -1 | cut -f1)
sync

# --- a server that makes no renditions: uploads, downloads, the zip ---------------------------
start_pg
env DECLIC_ENV_FILE=/dev/null DATABASE_URL="$db_url" DATA_DIR="$out/data" "$bin" seed-demo --activity >"$out/seed.log"
port=$(free_port) base=http://127.0.0.1:$port
server=(THREADS="$THREADS" ACCESS_LOG=false DATA_DIR="$out/data" MAIL_DIR="$out/mail")
start_declic "${server[@]}" GALLERY_WORKERS=0
{ read -r staff; read -r client; read -r project; } < <(api prepare)

copy() {  # FILE… → seconds to copy them with dd, each synced
  local start; start=$(now)
  for f in "$@"; do dd if="$f" of="$out/copies/${f##*/}" bs=1M conv=fsync status=none; done
  calc "$(now) - $start"; rm -f "$out"/copies/*
}
photos=$(api gallery "$staff" "$project" "Banc d'essai — photos")
api upload "$staff" "$photos" "$out"/photos/*.jpg >"$out/upload-photos.json"
copy_photos=$(copy "$out"/photos/*.jpg)
scans=$(api gallery "$staff" "$project" "Banc d'essai — archive")
api upload "$staff" "$scans" "$out"/tiffs/*.tif >"$out/upload-scans.json"
copy_scans=$(copy "$out"/tiffs/*.tif)
rm -rf "$out/tiffs"
api publish "$staff" "$photos" && api publish "$staff" "$scans"
{ read -r photo_link; read -r _; } < <(api links "$client" "$photos")
{ read -r _; read -r zip_link; } < <(api links "$client" "$scans")

download() {  # NAME URL PID: wrk, with PID's RSS sampled
  wrk -t1 -c"$CONNECTIONS" -d2s "$2" >/dev/null  # warm-up
  rss_of "$3" >"$out/$1-rss-before.txt"
  sample_rss "$3" "$out/$1-rss.txt" & local sampler=$!
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$2" >"$out/$1.txt"
  kill "$sampler"; sleep 1; rss_of "$3" >"$out/$1-rss-after.txt"
}
download declic "$base$photo_link" "$server_pid"
photo_size=$(stat -c %s "$out/photos/DSC_0001.jpg")
ref_port=$(free_port)
"$out/sendfile_server" "$ref_port" "$out/photos/DSC_0001.jpg" >"$out/sendfile.log" &
ref_pid=$!
sleep 0.3
download sendfile "http://127.0.0.1:$ref_port/" "$ref_pid"
kill "$ref_pid"
downloads_logged=$(psql -Atq "$db_url" -c "SELECT count(*) FROM gallery_downloads WHERE gallery_id = '$photos'")

echo 5 >"/proc/$server_pid/clear_refs"  # the peak RSS counts from here
zip_rss_before=$(rss_of "$server_pid")
# Once into nothing (the server's pace, not the disk's), then into a file for unzip.
start=$(now)
curl -sf -o /dev/null "$base$zip_link"
zip_seconds=$(calc "$(now) - $start")
curl -sf -D "$out/zip-headers.txt" -o "$out/gallery.zip" "$base$zip_link"
zip_hwm=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status")
zip_size=$(stat -c %s "$out/gallery.zip")
zip_announced=$(awk 'tolower($1) == "content-length:" {print $2}' "$out/zip-headers.txt" | tr -d '\r')
unzip -tq "$out/gallery.zip" >"$out/unzip.txt" 2>&1 || true
zip_entries=$(unzip -Z1 "$out/gallery.zip" | wc -l)
zip_check=$(head -1 "$out/unzip.txt" | sed 's/ of .*//')
rm -f "$out/gallery.zip"
api delete "$staff" "$scans"  # its photos are not for the renditions below
kill "$server_pid" && wait "$server_pid" || true

# --- renditions: a server with workers, from its start until every photo is made -------------
start=$(now)
start_declic "${server[@]}" GALLERY_WORKERS="$WORKERS"
pending="SELECT count(*) FROM gallery_photos WHERE gallery_id = '$photos' AND status = 'PROCESSING'"
# One psql re-running the count every 50 ms (a psql started per poll would take CPU from the
# workers being timed).
while read -r left; do [[ $left == 0 ]] && break; done < <(printf '%s\n\\watch 0.05\n' "$pending;" | psql -Atq "$db_url")
declic_seconds=$(calc "$(now) - $start")
ready=$(psql -Atq "$db_url" -c "SELECT count(*) FROM gallery_photos WHERE gallery_id = '$photos' AND status = 'READY'")

each() {  # COMMAND: run on every photo, WORKERS at a time; seconds
  local start; start=$(now)
  printf '%s\n' "$out"/photos/*.jpg | xargs -P "$WORKERS" -I{} sh -c "$1" _ {}
  calc "$(now) - $start"
}
preview_seconds=$(each "VIPS_CONCURRENCY=1 vipsthumbnail \"\$1\" --size 2048x2048 -o '$out/vips/%s-alone.webp[Q=82,strip]'")
rm "$out"/vips/*-alone.webp
vips_seconds=$(each "VIPS_CONCURRENCY=1 vipsthumbnail \"\$1\" --size 2048x2048 -o '$out/vips/%s-preview.webp[Q=82,strip]' &&
  VIPS_CONCURRENCY=1 vipsthumbnail \"\$1\" --size 800x400 -o '$out/vips/%s-thumb.webp[Q=82,strip]'")
magick_seconds=$(each "export MAGICK_CONFIGURE_PATH='$out/magick-policy'; name=\$(basename \"\$1\" .jpg); '$magick' -limit thread 1 -define jpeg:size=4096x4096 \"\$1\" -auto-orient -strip \
  -thumbnail 2048x2048 -quality 82 -write '$out/magick/'\"\$name\"-preview.webp -thumbnail 800x400 '$out/magick/'\"\$name\"-thumb.webp")
made=$(ls "$out"/vips/*.webp "$out"/magick/*.webp | wc -l)
[[ $made == $((4 * PHOTOS)) ]] || { echo "the references made $made pictures of $((4 * PHOTOS))" >&2; exit 1; }

# --- the section --------------------------------------------------------------------------------
mbps() { calc "f'{$1 / 1e6 / $2:.0f}'"; }
get() { python3 -c "import json; print(json.load(open('$out/$1.json'))['$2'])"; }
per_s() { calc "f'{$PHOTOS / $1:.2f}'"; }
pct() { calc "f'{100 * $1 / $2:.0f} %'"; }
down() { calc "f'{$(rps "$1") * $photo_size / 1e6:.0f}'"; }
section=$(cat <<MD
## Galleries: uploads, renditions, downloads, a zip past 4 GiB (\`bench/galleries/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), everything on the same machine and
disk. Release build, \`THREADS=$THREADS\`, access log off, PostgreSQL 15. The photos: $PHOTOS JPEGs
of 6000 × 4000 (24 MP, film grain over a gradient, Q 92, $(calc "f'{$photo_bytes / $PHOTOS / 1e6:.1f}'") MB each); the archive:
$tiffs uncompressed TIFFs of 6000 × 4000 ($(calc "f'{$tiff_bytes / 1e9:.2f}'") GB). The server checks, hashes (SHA-256 and
CRC-32) and syncs every upload as it completes.

**Uploads** (tus: creation, then one \`PATCH\` streaming the file, one after another on one
connection), against \`dd bs=1M conv=fsync\` copying the same files on the same disk.

| | Déclic | disk copy | Déclic / copy |
|---|---:|---:|---:|
| $PHOTOS JPEGs, MB/s | $(mbps "$(get upload-photos bytes)" "$(get upload-photos seconds)") | $(mbps "$photo_bytes" "$copy_photos") | $(pct "$copy_photos" "$(get upload-photos seconds)") |
| $tiffs TIFFs, MB/s | $(mbps "$(get upload-scans bytes)" "$(get upload-scans seconds)") | $(mbps "$tiff_bytes" "$copy_scans") | $(pct "$copy_scans" "$(get upload-scans seconds)") |

**Renditions**, photos per second (each photo: a preview fitting 2048 × 2048 and a thumbnail
fitting 800 × 400, WebP Q 82, metadata stripped). Déclic: a server started with
\`GALLERY_WORKERS=$WORKERS\` over the $PHOTOS uploaded photos, timed from its start until none is left
processing (claims, libvips, storing, the database, the events; also a blur-up placeholder).
References on the same files, $WORKERS processes at a time, one thread each: \`vipsthumbnail\`
run twice per photo (each run shrinks on load, but decodes the whole JPEG's entropy-coded data
again; Déclic decodes once and makes the thumbnail from the preview), \`vipsthumbnail\` making
the preview alone (one decode, as Déclic), and ImageMagick ($("$magick" -version | head -1 | awk '{print $3}')) making both in one
command with a JPEG size hint. Each reference run is a process of its own: libvips loading
its modules and a fresh heap to fault in, about 0.1 s of a 1.2 s photo on these machines,
which the server's workers pay once.

| | seconds | photos/s | Déclic / it |
|---|---:|---:|---:|
| Déclic ($ready of $PHOTOS ready) | $(calc "f'{$declic_seconds:.2f}'") | $(per_s "$declic_seconds") | |
| \`vipsthumbnail\`, both sizes | $(calc "f'{$vips_seconds:.2f}'") | $(per_s "$vips_seconds") | $(pct "$vips_seconds" "$declic_seconds") |
| \`vipsthumbnail\`, the preview alone | $(calc "f'{$preview_seconds:.2f}'") | $(per_s "$preview_seconds") | $(pct "$preview_seconds" "$declic_seconds") |
| ImageMagick | $(calc "f'{$magick_seconds:.2f}'") | $(per_s "$magick_seconds") | $(pct "$magick_seconds" "$declic_seconds") |

**Downloads**: the client's signed link to one original ($(calc "f'{$photo_size / 1e6:.1f}'") MB, sent with
\`sendfile\`, each download recorded: $downloads_logged rows in the log), fetched by wrk at
$CONNECTIONS connections for $DURATION, against a bare \`sendfile\` loop serving the same file.

| | Déclic | bare sendfile | Déclic / bare |
|---|---:|---:|---:|
| MB/s | $(down declic) | $(down sendfile) | $(pct "$(rps declic)" "$(rps sendfile)") |
| p99 per download | $(field declic 99%) | $(field sendfile 99%) | |
| server RSS before / peak during / after, MB | $(cat "$out/declic-rss-before.txt") / $(max_of "$out/declic-rss.txt") / $(cat "$out/declic-rss-after.txt") | $(cat "$out/sendfile-rss-before.txt") / $(max_of "$out/sendfile-rss.txt") / $(cat "$out/sendfile-rss-after.txt") | |

**A zip past 4 GiB**: the client's link to the whole archive gallery, fetched whole with curl
twice (into \`/dev/null\` for the pace, then into a file for \`unzip\`); the peak RSS covers both.

| | value |
|---|---:|
| size (Content-Length announced) | $zip_size bytes ($zip_announced) |
| entries | $zip_entries |
| \`unzip -t\` | $zip_check |
| throughput (curl writing to \`/dev/null\`) | $(mbps "$zip_size" "$zip_seconds") MB/s |
| server RSS before / peak (\`VmHWM\`) | $zip_rss_before / $zip_hwm MB |

Targets (issue: galleries): renditions ≥ 90 % of \`vipsthumbnail\`; downloads ≥ 80 % of a bare
\`sendfile\` loop with constant RSS.
MD
)
[[ ${SECTION:-galleries} == - ]] || update_results "${SECTION:-galleries}" "$section"
echo "$section"
