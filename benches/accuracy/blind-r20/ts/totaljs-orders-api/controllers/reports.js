const { MongoClient } = require('mongodb');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

exports.install = function() {
	ROUTE('GET    /api/reports/{id}/',          report);
	ROUTE('POST   /api/reports/{id}/export/',   exportReport);
};

async function report(id) {
	var self = this;
	var mongo = new MongoClient(CONF.mongo_url);
	var doc = await mongo.db('reports').collection('daily').findOne({ _id: id });
	if (!doc) {
		self.throw404();
		return;
	}
	self.json(doc);
}

async function exportReport(id) {
	var self = this;
	var rows = await MAIN.query(
		'SELECT o.id, o.customer_id, o.total, o.created_at FROM orders o WHERE o.report_id = $1',
		[id]
	);
	var csv = ['id,customer_id,total,created_at']
		.concat(rows.map(r => [r.id, r.customer_id, r.total, r.created_at.toISOString()].join(',')))
		.join('\n');

	var s3 = new S3Client({ region: CONF.aws_region });
	var key = 'reports/' + id + '/' + Date.now() + '.csv';
	await s3.send(new PutObjectCommand({ Bucket: CONF.export_bucket, Key: key, Body: csv, ContentType: 'text/csv' }));

	await MODULE('audit').log(self.user ? self.user.id : 'anonymous', 'export', 'report:' + id, { key: key });
	self.json({ key: key });
}
