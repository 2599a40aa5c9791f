import { Meteor } from 'meteor/meteor';

Meteor.startup(() => {
  document.title = 'Chat';
});
