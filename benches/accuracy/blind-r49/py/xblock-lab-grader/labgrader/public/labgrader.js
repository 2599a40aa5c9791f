function LabGraderXBlock(runtime, element, init) {
  var submitUrl = runtime.handlerUrl(element, 'submit');
  $(element).find('.lab-submit').on('click', function () {
    $.post(submitUrl, JSON.stringify({source: $(element).find('.lab-source').val()}));
  });
}
