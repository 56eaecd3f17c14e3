#pragma once
// The JSON of galleries, their photos, selections and download logs (API.md, Galleries).

#include "modules/galleries/galleries_service.hpp"

#include <boost/json/object.hpp>

namespace declic::galleries {

boost::json::object gallery_json(const GalleryView& v);
boost::json::object photo_json(const PhotoView& v);
boost::json::object selection_json(const Selection& s);
boost::json::object download_json(const DownloadRecord& d);
boost::json::object usage_json(const Usage& u);
boost::json::object share_json(const Share& s, const std::string& url);
// What a guest sees: the gallery without its client, and its ready photos.
boost::json::object shared_json(const GalleriesService::Shared& s);

}  // namespace declic::galleries
